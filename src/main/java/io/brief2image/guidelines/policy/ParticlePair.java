package io.brief2image.guidelines.policy;

/** A particle whose form depends on whether the word before it ends in a consonant (Korean 이/가). */
public record ParticlePair(String afterConsonant, String afterVowel) {
}
