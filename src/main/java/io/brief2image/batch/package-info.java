/**
 * OpenAI's Batch API for images. The provider side: {@link io.brief2image.batch.BatchInputFile} writes
 * the lines of a batch input file to disk (the same request bodies the synchronous path sends),
 * {@link io.brief2image.batch.BatchApi} uploads it (multipart streamed from disk), creates, polls,
 * cancels and lists batches, and {@link io.brief2image.batch.BatchOutput} streams a result file line
 * by line, decoding each image straight into a temp file as synchronous replies are.
 * <p>
 * The pipeline side: {@link io.brief2image.batch.BatchCollector} (the render step's batch line sink)
 * puts lines into batch files and the store, {@link io.brief2image.batch.BatchRunner} (a timer route)
 * submits and polls them, {@link io.brief2image.batch.BatchResults} reads their results and
 * {@link io.brief2image.batch.BatchBriefs} publishes each brief through route batch-results. It sits
 * right above {@code render} and may use {@code base} up to {@code render} (the store, the budget, the
 * ledger); the outbox and dead letters it reaches only through the routes.
 */
package io.brief2image.batch;
