/**
 * The outbox (produce.yaml step {@code outbox}): publishes images and their sidecars atomically
 * (the sidecar format is read and written only by {@link io.brief2image.outbox.SidecarFiles}), keeps images
 * for a full disk in data/pending-outbox, and sends the result event to queue images and the ledger. It
 * may use the layers below it: {@code base} up to {@code render}.
 */
package io.brief2image.outbox;
