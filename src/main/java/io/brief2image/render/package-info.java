/**
 * Rendering (produce.yaml step {@code render}): the image providers (OpenAI Images, Responses,
 * Stable Diffusion WebUI) behind {@link io.brief2image.render.ImageProvider}, the provider gate that paces
 * and limits requests, and the models a provider serves. Streams image bytes to temp files. It may use
 * the layers below it: {@code base} up to {@code expansion}.
 */
package io.brief2image.render;
