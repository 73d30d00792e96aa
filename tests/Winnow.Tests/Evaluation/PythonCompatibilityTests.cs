using Winnow.Evaluation.Json;
using Winnow.Evaluation.Metrics;
using Winnow.Evaluation.Text;

namespace Winnow.Tests.Evaluation;

/// <summary>
/// The Python behaviours the scorer reproduces, one by one. Every expected value below was printed by
/// CPython 3.11.7 (e.g. <c>[random.Random(0).randrange(215) for _ in range(12)]</c>, <c>f"{0.0625:.3f}"</c>,
/// <c>re.findall(r"\w+", s)</c>, <c>repr(json.loads(s))</c>).
/// </summary>
public class PythonCompatibilityTests
{
    [Fact]
    public void MersenneTwisterMatchesPythonGetrandbits()
    {
        var rng = new PythonRandom(0);
        uint[] expected = [3626764237, 1654615998, 3255389356, 3823568514, 1806341205];
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => rng.GetRandBits(32)).ToArray());
    }

    [Theory]
    [InlineData(0L, new[] { 98, 194, 107, 10, 66, 130, 124, 103, 200, 212, 77, 122 })]
    [InlineData(7L, new[] { 82, 38, 101, 166, 12, 18, 210, 137, 24, 93, 149, 14 })]
    [InlineData(-3L, new[] { 60, 151, 139, 33, 94, 154, 121, 160, 148, 16, 155, 3 })]
    [InlineData(1099511627781L, new[] { 129, 132, 68, 169, 7, 135, 194, 209, 213, 201, 194, 11 })] // 2**40 + 5: a two-word seed
    public void RandRangeMatchesPython(long seed, int[] expected)
    {
        var rng = new PythonRandom(seed);
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => rng.RandRange(215)).ToArray());
    }

    [Fact]
    public void RandRangeOfVaryingBoundsMatchesPython()
    {
        var rng = new PythonRandom(0);
        int[] bounds = [1, 2, 3, 5, 85, 130, 1000, int.MaxValue];
        Assert.Equal([0, 1, 0, 2, 65, 124, 414, 1971893209], bounds.Select(rng.RandRange).ToArray());
    }

    [Theory]
    [InlineData(0.0625, "0.062")] // exact ties round half to even, as Python; .NET's "F3" gives 0.063
    [InlineData(0.1875, "0.188")]
    [InlineData(0.3125, "0.312")]
    [InlineData(2.675, "2.675")]
    [InlineData(-0.0001, "-0.000")]
    [InlineData(-0.0, "-0.000")]
    [InlineData(0.9995, "1.000")]
    [InlineData(0.0005, "0.001")]
    [InlineData(1.0, "1.000")]
    [InlineData(1234.5675, "1234.568")]
    [InlineData(1e-7, "0.000")]
    public void FixedThreeDecimalsMatchesPythonFormat(double value, string expected)
        => Assert.Equal(expected, PyFormat.Fixed(value, 3));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(100.0, "100.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.9523809523809523, "0.9523809523809523")]
    [InlineData(1e22, "1e+22")]
    [InlineData(123.456e-10, "1.23456e-08")]
    public void FloatReprMatchesPython(double value, string expected) => Assert.Equal(expected, PyFormat.FloatRepr(value));

    [Fact]
    public void ExactMeanMatchesStatisticsMeanWhereThePlainMeanDoesNot()
    {
        // Seven doubles (as IEEE bits) whose statistics.mean differs from sum(xs)/len(xs) in the last bit.
        long[] bits = [4594009002368267652, 4605808224069059832, 4605054689724112659, 4598266534995001180,
            4602596585012360058, 4601768931085461634, 4604044247283579354];
        var xs = bits.Select(BitConverter.Int64BitsToDouble).ToList();
        Assert.Equal(4602803840063834732, BitConverter.DoubleToInt64Bits(PyMath.ExactMean(xs)!.Value));
        Assert.Equal(4602803840063834731, BitConverter.DoubleToInt64Bits(PyMath.PlainMean(xs)!.Value));
    }

    [Fact]
    public void RationalToDoubleRoundsHalfToEven()
    {
        Assert.Equal(1.0, PyMath.RationalToDouble(1, 1));
        Assert.Equal(1.0 / 3, PyMath.RationalToDouble(1, 3));
        // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: ties to the even 2^53.
        Assert.Equal(9007199254740992.0, PyMath.RationalToDouble((System.Numerics.BigInteger.One << 53) + 1, 1));
        Assert.Equal(9007199254740996.0, PyMath.RationalToDouble((System.Numerics.BigInteger.One << 53) + 3, 1));
        Assert.Equal(double.Epsilon, PyMath.RationalToDouble(1, System.Numerics.BigInteger.One << 1074));
    }

    [Theory]
    [InlineData("Cafe\u0301 na\u0308ive", new[] { "Cafe", "na", "ive" })] // combining marks are not \w in Python
    [InlineData("x\u00b2+y\u00b2 \u00bd \u216b \u2460", new[] { "x\u00b2", "y\u00b2", "\u00bd", "\u216b", "\u2460" })] // No, Nl are
    [InlineData("snake_case tie\u203fbar \uff11\uff12", new[] { "snake_case", "tie", "bar", "\uff11\uff12" })] // only "_" of Pc
    [InlineData("\U0001d401\U0001d428ld \U0001f600x", new[] { "\U0001d401\U0001d428ld", "x" })] // astral letters, emoji
    [InlineData("\u0939\u093f\u0928\u094d\u0926\u0940 \u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22", new[] { "\u0939", "\u0928", "\u0926", "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22" })]
    [InlineData("a\u200bb c\u00adc d\u2019e", new[] { "a", "b", "c", "c", "d", "e" })]
    public void TokenizerMatchesPythonWordRegex(string text, string[] expected)
        => Assert.Equal(expected, Tokenizer.Tokenize(text));

    [Fact]
    public void ShinglesAreFourGramsOrOneShorterShingle()
    {
        Assert.Empty(Shingles.Count(""));
        Assert.Equal(new Dictionary<string, int> { ["a b"] = 1 }, Shingles.Count("a, b!"));
        Assert.Equal(new Dictionary<string, int> { ["a b c d"] = 2, ["b c d a"] = 1, ["c d a b"] = 1, ["d a b c"] = 1 },
            Shingles.Count("a b c d a b c d"));
    }

    [Theory]
    [InlineData("  a \x1c b\x1f\u0085c\u00a0\u3000d  ", "a b c d")] // separators U+001C-U+001F and NEL are \s in Python
    [InlineData("a\u200bb\ufeffc\u180ed", "a\u200bb\ufeffc\u180ed")] // zero-width space, BOM, Mongolian vowel separator are not
    [InlineData("\r\n\t", "")]
    public void NormWsMatchesPython(string text, string expected) => Assert.Equal(expected, PyText.NormWs(text));

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("\ufb01nance", "finance")]
    [InlineData("ΣΟΦΊΑ σοφίας", "σοφία σοφίασ")] // final sigma folds to σ
    [InlineData("\u017fhort \u00b5", "short \u03bc")] // long s, micro sign
    [InlineData("\u0130", "i\u0307")]
    [InlineData("\u13a0\uab70", "\u13a0\u13a0")] // Cherokee folds to the uppercase letters
    [InlineData("\U00010400", "\U00010428")] // Deseret: an astral folding
    [InlineData("\u1f88", "\u1f00\u03b9")]
    public void CaseFoldMatchesPythonCasefold(string text, string expected) => Assert.Equal(expected, CaseFold.Fold(text));

    [Theory]
    [InlineData("2020-01-05", "2020-1-5")]
    [InlineData("Published on 2020.1.5 at noon", "2020-1-5")]
    [InlineData("12345-6-7", "2345-6-7")]
    [InlineData("2020-123-4 2021-1-2", "2021-1-2")]
    [InlineData("2020-12-345", "2020-12-34")]
    [InlineData("\u0662\u0660\u0662\u0660-\u0660\u0661-\u0660\u0665", "2020-1-5")] // Arabic-Indic digits are \d
    [InlineData("05.01.2020", null)]
    public void NormDateTakesTheFirstYearFirstDate(string text, string? expected) => Assert.Equal(expected, FieldMetric.NormDate(text));

    [Theory]
    [InlineData("""{"a": 1, "a": 2, "b": [1, 2.0, -0, 1e2, 1E-2, true, null]}""", "{'a': 2, 'b': [1, 2.0, 0, 100.0, 0.01, True, None]}")]
    [InlineData("[NaN, Infinity, -Infinity]", "[nan, inf, -inf]")]
    [InlineData("\"\\ud800x\\ud83d\\ude00\"", "'\\ud800x\U0001f600'")]
    [InlineData("""{"k": "it's", "q": "say \"hi\"", "both": "'\""}""", """{'k': "it's", 'q': 'say "hi"', 'both': '\'"'}""")]
    [InlineData("""{"t": "tab\tnl\nesc\u001b\u007f\u00a0\u200b\u00e9\ud83d\ude00"}""", "{'t': 'tab\\tnl\\nesc\\x1b\\x7f\\xa0\\u200b\u00e9\U0001f600'}")]
    [InlineData("  {\"x\": 12345678901234567890123}  ", "{'x': 12345678901234567890123}")]
    [InlineData("1e5", "100000.0")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("[1e400, -1e400]", "[inf, -inf]")]
    [InlineData("""{"k": {"n": [{"deep": [[]]}]}}""", "{'k': {'n': [{'deep': [[]]}]}}")]
    public void JsonReaderMatchesPythonJsonLoads(string json, string expectedRepr)
        => Assert.Equal(expectedRepr, PyValue.Repr(PyJsonReader.Parse(json)));

    [Theory]
    [InlineData("-")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{'a': 1}")]
    [InlineData("\ufeff{}")]
    [InlineData("\"a\tb\"")]
    [InlineData("\"\\x41\"")]
    [InlineData("[1] x")]
    [InlineData("")]
    [InlineData("nul")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"\\uZZZZ\"")]
    public void JsonReaderRejectsWhatPythonRejects(string json)
        => Assert.Throws<PyJsonException>(() => PyJsonReader.Parse(json));

    [Fact]
    public void JsonReaderRejectsIntegersOverPythonsDigitLimit()
    {
        Assert.IsType<System.Numerics.BigInteger>(PyJsonReader.Parse(new string('7', 4300)));
        Assert.Throws<PyJsonException>(() => PyJsonReader.Parse(new string('7', 4301)));
    }

    [Fact]
    public void JsonReaderRejectsInvalidUtf8()
        => Assert.Throws<PyJsonException>(() => PyJsonReader.Parse([(byte)'"', 0xFF, (byte)'"']));

    [Theory]
    [InlineData("""[1, "a", null, true, 1.5, {"k": ["x"]}]""", "1; a; None; True; 1.5; {'k': ['x']}")]
    [InlineData("""{"name": "Zoë"}""", "{'name': 'Zoë'}")]
    [InlineData("1e16", "1e+16")]
    [InlineData("""["Ann", "Bob"]""", "Ann; Bob")]
    [InlineData("\"x\"", "x")]
    public void AsTextMatchesScorePy(string json, string expected) => Assert.Equal(expected, PyValue.AsText(PyJsonReader.Parse(json)));

    [Fact]
    public void PythonStringOrderIsByCodePoint()
    {
        // U+FF21 (fullwidth A) sorts before U+1F600 by code point, after it by UTF-16 unit.
        Assert.True(CodePoints.Compare("\uff21", "\U0001f600") < 0);
        Assert.True(string.CompareOrdinal("\uff21", "\U0001f600") > 0);
    }
}
