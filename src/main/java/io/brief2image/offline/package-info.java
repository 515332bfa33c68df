/**
 * The offline provider: an OpenAI-compatible image server of its own, used when there is no API key,
 * by the tests and by the benchmark. It paints deterministic preview images on loopback, speaks
 * OpenAI's image API as it is today (models from its own {@code served-models.yaml}, never from
 * brief2image's model table) and a Stable Diffusion WebUI subset, and imports nothing else of the
 * project; only {@code app} (wiring) and the tests use it.
 *
 * <p><b>Server and router.</b> {@link io.brief2image.offline.OfflineImageServer} is the server
 * (started with {@link io.brief2image.offline.OfflineOptions}, or on its own by
 * {@link io.brief2image.offline.OfflineServerMain}). Every request goes through {@code RequestRouter}:
 * the body is read once into an {@code IncomingRequest}, logged ({@code RequestLog}, as
 * {@link io.brief2image.offline.RecordedRequest}s), offered to the fault layer, then answered by the
 * {@code ApiEndpoint} whose path it is, after the configured latency ({@code ServerLifetime} cuts
 * waits short at close).
 *
 * <p><b>Endpoints, one request type each</b> (a record that parses the body strictly, throwing
 * {@code ApiError} with OpenAI's error body, and logs it leniently):
 * {@code GenerationsEndpoint} / {@code GenerationsRequest} ({@code POST /v1/images/generations}),
 * {@code EditsEndpoint} / {@code EditsRequest} ({@code POST /v1/images/edits}, multipart; both share
 * {@code ImageOptions}, and stream {@code ImageEventStream} or reply {@code ImagesReply}),
 * {@code ResponsesEndpoint} / {@code ResponsesRequest} ({@code POST /v1/responses} with the
 * image_generation tool), {@code ModelsEndpoint} / {@code ModelsRequest} ({@code GET /v1/models[/id]},
 * from {@code ServedModels}), {@code StableDiffusionEndpoint} / {@code StableDiffusionRequest}
 * ({@code POST /sdapi/v1/txt2img}, {@code /sdapi/v1/img2img}). The small readers they share:
 * {@code RequestParams} (typed fields of JSON or multipart), {@code MultipartForm},
 * {@code RequestFields} (the log's field map), {@code SizeRules} / {@code ImageSize}.
 * Images: {@code PreviewSource} picks {@code PreviewPainter} or the fixed benchmark {@code NoisePng};
 * {@code Replies} and {@code JsonReplyStream} write replies, base64 streamed.
 *
 * <p><b>Files and Batches API</b> ({@code BatchApiRoutes}, each a {@code Route}: method and path
 * pattern, since {@code GET} and {@code POST /v1/batches} share a path): {@code OfflineFiles} holds
 * {@code StoredFile}s; an upload is checked line by line ({@code BatchInputLine}); {@code OfflineBatches}
 * creates batches, deciding each line's {@code BatchLineOutcome} at once (the sync endpoint's checks,
 * or a {@code batch_line} fault) so downloads repeat exactly; {@code OfflineBatch} moves through the
 * statuses on the clock ({@link io.brief2image.offline.OfflineOptions#batchDelayMillis}) and registers
 * its output and error files, {@code BatchResultFile}s that produce their lines while being sent.
 *
 * <p><b>Fault layer</b>, off unless {@link io.brief2image.offline.OfflineOptions#withFaults} (the
 * service: {@code brief2image.offline.faults=true}) turns it on: {@code FaultLayer} holds the
 * {@link io.brief2image.offline.FaultPlan} (queued {@link io.brief2image.offline.Fault}s), the control
 * API {@code ControlEndpoint} ({@code /_offline/faults}, {@code /_offline/requests}, read by
 * {@code FaultPlanJson}) and {@code FaultResponder}, which acts a fault out (an error status with
 * Retry-After, a hang, malformed JSON, a reply cut inside the base64, or a dropped connection by
 * throwing {@code DropConnection}); batch faults are taken when a batch is created: a line's status,
 * an expired or a failed batch. Off, the control API answers 404 and no request is touched.
 */
package io.brief2image.offline;
