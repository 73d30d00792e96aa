namespace Winnow.Evaluation;
