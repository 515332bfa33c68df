/**
 * A small text toolkit for the guideline rules: tokens, spans and edits, fuzzy name matching, language
 * guessing, casing and tidying. It knows nothing of briefs; it may use only {@code guidelines.policy}
 * (the grammar and phrasing data it applies).
 */
package io.brief2image.guidelines.text;
