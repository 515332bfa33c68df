/**
 * OpenAI's Batch API for images, the provider side: {@link io.brief2image.batch.BatchInputFile} writes
 * the lines of a batch input file to disk (the same request bodies the synchronous path sends),
 * {@link io.brief2image.batch.BatchApi} uploads it (multipart streamed from disk), creates, polls,
 * cancels and lists batches, and {@link io.brief2image.batch.BatchOutput} streams a result file line
 * by line, decoding each image straight into a temp file as synchronous replies are. It knows
 * nothing of briefs' routes or the store: the pipeline decides which requests go into a batch and
 * keeps the ids and the download progress. It sits right above {@code render} and may use
 * {@code base} up to {@code render}.
 */
package io.brief2image.batch;
