/**
 * The operators' HTTP API and status page (routes/status.yaml): status, images, dead letters,
 * files, budget and replay, with the admin guard on everything that changes something. It may use the
 * stages below {@code ops}, {@code ops} and {@code ops.health}.
 */
package io.brief2image.ops.web;
