namespace Winnow.Tests.Language;

/// <summary>
/// News-like passages written for these tests, one per language (BCP 47 primary subtag → text): one
/// sentence, or two for languages with a close neighbour among the profiles (sk/cs, hr/sl, nb/da/sv,
/// uk/ru, bg/mk), which one sentence does not tell apart.
/// </summary>
internal static class LanguageSentences
{
    public static readonly (string Language, string Text)[] All =
    [
        ("en", "The city council approved the new budget on Tuesday evening after a long debate about the cost of public transport and the repair of old school buildings."),
        ("de", "Der Stadtrat hat am Dienstagabend nach einer langen Debatte über die Kosten des öffentlichen Nahverkehrs und die Sanierung alter Schulgebäude den neuen Haushalt beschlossen."),
        ("fr", "Le conseil municipal a approuvé mardi soir le nouveau budget après un long débat sur le coût des transports publics et la rénovation des vieilles écoles de la ville."),
        ("es", "El ayuntamiento aprobó el martes por la noche el nuevo presupuesto después de un largo debate sobre el coste del transporte público y la reforma de las escuelas antiguas."),
        ("it", "Il consiglio comunale ha approvato martedì sera il nuovo bilancio dopo un lungo dibattito sul costo dei trasporti pubblici e sulla ristrutturazione delle vecchie scuole."),
        ("pt", "A câmara municipal aprovou na terça-feira à noite o novo orçamento, depois de um longo debate sobre o custo dos transportes públicos e a reforma das escolas antigas."),
        ("nl", "De gemeenteraad heeft dinsdagavond na een lang debat over de kosten van het openbaar vervoer en de renovatie van oude schoolgebouwen de nieuwe begroting goedgekeurd."),
        ("pl", "Rada miasta przyjęła we wtorek wieczorem nowy budżet po długiej debacie na temat kosztów transportu publicznego i remontu starych budynków szkolnych."),
        ("cs", "Městské zastupitelstvo v úterý večer schválilo nový rozpočet po dlouhé debatě o nákladech na veřejnou dopravu a o opravách starých školních budov."),
        ("sk", "Mestské zastupiteľstvo v utorok večer schválilo nový rozpočet po dlhej diskusii o nákladoch na verejnú dopravu a o oprave starých školských budov. Primátor mesta povedal, že peniaze pôjdu najmä na nové autobusy a na opravu ciest v okrajových častiach. Opozícia kritizovala, že obyvatelia nemali dosť času vyjadriť sa k návrhu."),
        ("sl", "Mestni svet je v torek zvečer po dolgi razpravi o stroških javnega prevoza in obnovi starih šolskih stavb sprejel nov proračun."),
        ("hr", "Gradsko vijeće u utorak je navečer nakon duge rasprave o troškovima javnog prijevoza i obnovi starih školskih zgrada usvojilo novi proračun. Gradonačelnik je rekao da će novac ponajviše otići na nove autobuse i popravak cesta u rubnim dijelovima grada. Oporba je kritizirala što građani nisu imali dovoljno vremena da se izjasne o prijedlogu."),
        ("sv", "Kommunfullmäktige godkände på tisdagskvällen den nya budgeten efter en lång debatt om kostnaderna för kollektivtrafiken och renoveringen av gamla skolbyggnader."),
        ("da", "Byrådet vedtog tirsdag aften det nye budget efter en lang debat om udgifterne til den offentlige transport og renoveringen af de gamle skolebygninger."),
        ("nb", "Bystyret vedtok tirsdag kveld det nye budsjettet etter en lang debatt om kostnadene ved kollektivtrafikken og oppussingen av gamle skolebygg i byen. Ordføreren sa at pengene først og fremst skal gå til nye busser og til å reparere veiene i bydelene utenfor sentrum. Opposisjonen kritiserte at innbyggerne ikke fikk nok tid til å si sin mening om forslaget."),
        ("fi", "Kaupunginvaltuusto hyväksyi tiistai-iltana uuden talousarvion pitkän keskustelun jälkeen, joka koski joukkoliikenteen kustannuksia ja vanhojen koulurakennusten korjaamista."),
        ("et", "Linnavolikogu kiitis teisipäeva õhtul heaks uue eelarve pärast pikka arutelu ühistranspordi kulude ja vanade koolimajade remondi üle."),
        ("lv", "Pilsētas dome otrdienas vakarā pēc ilgām debatēm par sabiedriskā transporta izmaksām un veco skolu ēku remontu apstiprināja jauno budžetu."),
        ("lt", "Miesto taryba antradienio vakarą po ilgų diskusijų apie viešojo transporto išlaidas ir senų mokyklų pastatų remontą patvirtino naują biudžetą."),
        ("hu", "A városi közgyűlés kedd este hosszú vita után elfogadta az új költségvetést, amely a tömegközlekedés költségeiről és a régi iskolaépületek felújításáról szólt."),
        ("ro", "Consiliul local a aprobat marți seara noul buget, după o dezbatere lungă despre costul transportului public și renovarea clădirilor vechi ale școlilor."),
        ("tr", "Belediye meclisi salı akşamı toplu taşımanın maliyeti ve eski okul binalarının onarımı hakkında uzun bir tartışmanın ardından yeni bütçeyi onayladı."),
        ("ca", "L'ajuntament va aprovar dimarts al vespre el nou pressupost després d'un llarg debat sobre el cost del transport públic i la reforma de les escoles velles de la ciutat."),
        ("id", "Dewan kota menyetujui anggaran baru pada Selasa malam setelah perdebatan panjang tentang biaya transportasi umum dan perbaikan gedung sekolah yang sudah tua."),
        ("vi", "Hội đồng thành phố đã thông qua ngân sách mới vào tối thứ Ba sau một cuộc tranh luận dài về chi phí giao thông công cộng và việc sửa chữa các trường học cũ."),
        ("sq", "Këshilli bashkiak miratoi të martën në mbrëmje buxhetin e ri pas një debati të gjatë për koston e transportit publik dhe rinovimin e ndërtesave të vjetra të shkollave."),
        ("is", "Borgarstjórn samþykkti nýja fjárhagsáætlun á þriðjudagskvöld eftir langar umræður um kostnað við almenningssamgöngur og viðgerðir á gömlum skólabyggingum."),
        ("ru", "Городской совет во вторник вечером после долгих споров о стоимости общественного транспорта и ремонте старых школьных зданий утвердил новый бюджет."),
        ("uk", "Міська рада у вівторок увечері після довгої дискусії про вартість громадського транспорту та ремонт старих шкільних будівель ухвалила новий бюджет. Міський голова сказав, що гроші підуть насамперед на нові автобуси та на ремонт доріг на околицях міста. Опозиція розкритикувала те, що мешканці не мали достатньо часу, щоб висловитися щодо проєкту."),
        ("bg", "Общинският съвет одобри във вторник вечерта новия бюджет след дълъг дебат за разходите за обществения транспорт и ремонта на старите училищни сгради. Кметът заяви, че парите ще отидат преди всичко за нови автобуси и за ремонт на пътищата в крайните квартали. Опозицията разкритикува, че гражданите не са имали достатъчно време да изразят мнението си за проекта."),
        ("sr", "Градско веће је у уторак увече после дуге расправе о трошковима јавног превоза и обнови старих школских зграда усвојило нови буџет."),
        ("ar", "وافق مجلس المدينة مساء الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول تكلفة النقل العام وإصلاح المباني المدرسية القديمة."),
        ("fa", "شورای شهر سه‌شنبه شب پس از بحثی طولانی درباره هزینه حمل و نقل عمومی و تعمیر ساختمان‌های قدیمی مدرسه‌ها بودجه جدید را تصویب کرد."),
        ("hi", "नगर परिषद ने मंगलवार शाम सार्वजनिक परिवहन की लागत और पुराने स्कूल भवनों की मरम्मत पर लंबी बहस के बाद नए बजट को मंज़ूरी दे दी।"),
        ("el", "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη το βράδυ τον νέο προϋπολογισμό μετά από μακρά συζήτηση για το κόστος των δημόσιων συγκοινωνιών."),
        ("he", "מועצת העיר אישרה ביום שלישי בערב את התקציב החדש לאחר דיון ארוך על עלות התחבורה הציבורית ושיפוץ בנייני בתי הספר הישנים."),
        ("th", "สภาเมืองอนุมัติงบประมาณใหม่เมื่อเย็นวันอังคาร หลังจากการอภิปรายอย่างยาวนานเกี่ยวกับค่าใช้จ่ายของระบบขนส่งสาธารณะและการซ่อมแซมอาคารเรียนเก่า"),
        ("zh", "市议会周二晚上在就公共交通费用和旧校舍维修问题进行了长时间辩论后，批准了新的预算。"),
        ("ja", "市議会は火曜日の夜、公共交通機関の費用と古い校舎の修理について長い議論を行った後、新しい予算を承認しました。"),
        ("ko", "시의회는 화요일 저녁 대중교통 비용과 낡은 학교 건물 수리에 관한 긴 토론 끝에 새 예산을 승인했다."),
    ];
}
