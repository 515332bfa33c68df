package io.brief2image.guidelines.policy;

import java.util.List;
import java.util.Map;

/** guidelines.yaml exactly as written; {@link GuidelinePolicy} validates it and fills in defaults. */
record PolicyDocument(Integer maxImages, Integer artistCutoffYears, FuzzyMatching fuzzyMatching, Grammar grammar,
                      List<String> textInImageCues, ImageCountPhrases imageCountPhrases,
                      String publicFigureDescription, FigureAsModifier publicFigureAsModifier,
                      List<PublicFigure> publicFigures,
                      Map<String, String> titles, List<String> titleExceptions,
                      ArtistPhrasing artistPhrasing, List<Artist> artists,
                      List<ProtectedWork> studiosAndCharacters,
                      String blockedReason, List<BlockedTerm> blockedTerms, List<String> blockedTermExceptions,
                      NegationRules negations, ImageTypeRules imageTypes, SizeRules sizes) {
}
