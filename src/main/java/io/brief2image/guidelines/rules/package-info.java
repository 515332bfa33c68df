/**
 * The guideline rules, one class per rule (artists, public figures, protected works, blocked terms,
 * negation, text, titles, image count, size), each applying part of the policy document to a prompt and
 * saying what it changed. They may use {@code base}, {@code guidelines.policy} and {@code guidelines.text}.
 */
package io.brief2image.guidelines.rules;
