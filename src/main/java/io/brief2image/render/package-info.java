/**
 * Rendering (produce.yaml step {@code render}): the image providers (OpenAI Images, Responses,
 * Stable Diffusion WebUI) behind {@link io.brief2image.render.ImageProvider}, the provider gate that paces
 * and limits requests, and the models a provider serves. The batch seam (batch.yaml step {@code batchLines}):
 * {@link io.brief2image.render.BatchLines} admits a batch brief's lines at the batch price and hands them
 * to a {@link io.brief2image.render.BatchLineSink}. Streams image bytes to temp files. It may use
 * the layers below it: {@code base} up to {@code expansion}.
 */
package io.brief2image.render;
