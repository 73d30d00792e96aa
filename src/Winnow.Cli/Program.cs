Console.WriteLine(new Winnow.Extractor().Extract("<title>x</title><p>hi</p>").Article.Title);
return 0;
