namespace Winnow.Language;

/// <summary>A language identified from text.</summary>
/// <param name="Language">BCP 47 primary language subtag (<c>de</c>, <c>en</c>, <c>zh</c>, ...).</param>
/// <param name="Confidence">
/// Between 0 and 1. From the script alone (<see cref="Method"/> <c>script</c>): the share of the text's
/// letters written in that script. From n-grams (<c>ngram</c>): how much further the runner-up's profile
/// is from the text than the winner's, relative to the runner-up's distance (0 = a tie).
/// </param>
/// <param name="Method"><c>script</c> when the writing system names the language, <c>ngram</c> when the n-gram profiles chose it.</param>
public sealed record LanguageGuess(string Language, double Confidence, string Method);
