/**
 * Operators: the gauges behind /metrics, queue depths, the dead letters waiting and the newest
 * images as the status page shows them, who may act (admin access). Sub-packages: {@code ops.health}
 * (health checks) and {@code ops.web} (the status page and its APIs). It may use every stage below it;
 * nothing of the pipeline uses it.
 */
package io.brief2image.ops;
