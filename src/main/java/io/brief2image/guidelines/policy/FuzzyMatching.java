package io.brief2image.guidelines.policy;

/** How many typos a name may carry and still be recognised, scaled by word length. */
public record FuzzyMatching(int oneEditFromLength, int twoEditsFromLength, int singleWordFuzzyFromLength) {

    public int allowedEdits(int wordLength) {
        if (wordLength >= twoEditsFromLength) {
            return 2;
        }
        return wordLength >= oneEditFromLength ? 1 : 0;
    }

    /** One-word aliases are stricter: short surnames collide with ordinary words ("Trump" vs "tramp"). */
    public int allowedEditsForSingleWord(int wordLength) {
        return wordLength >= singleWordFuzzyFromLength ? allowedEdits(wordLength) : 0;
    }
}
