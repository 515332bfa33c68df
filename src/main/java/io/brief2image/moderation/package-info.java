/**
 * Moderation (produce.yaml step {@code moderation}, after expansion, before render): the final captions
 * go to the provider's moderation endpoint before any image is paid for; a flagged caption dead-letters
 * the brief with the categories in plain words. It may use the layers below it: {@code base} up to
 * {@code expansion}.
 */
package io.brief2image.moderation;
