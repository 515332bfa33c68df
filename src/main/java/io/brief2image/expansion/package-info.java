/**
 * Expansion (produce.yaml step {@code expansion}): turns a screened brief into a
 * {@link io.brief2image.expansion.RenderPlan}, one image task per image with its caption, written by the
 * chat model (GPT, through the {@code http} layer) or by the rules of expansion.yaml. It may use the
 * layers below it: {@code base} up to {@code guidelines}.
 */
package io.brief2image.expansion;
