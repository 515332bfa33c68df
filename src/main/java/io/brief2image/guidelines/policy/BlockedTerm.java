package io.brief2image.guidelines.policy;

/** A phrase that stops a prompt outright; category is for reporting only. */
public record BlockedTerm(String term, String category) {
}
