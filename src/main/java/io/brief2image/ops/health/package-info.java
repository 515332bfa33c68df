/**
 * The health checks behind /q/health (readiness and liveness): broker, consumers,
 * consumption stalls, disk, folders, budget and provider. They may use the stages below {@code ops} and
 * {@code ops} itself.
 */
package io.brief2image.ops.health;
