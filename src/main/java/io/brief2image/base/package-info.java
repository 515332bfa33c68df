/**
 * The shared base every stage stands on: the failure type a stage throws ({@link io.brief2image.base.BriefFailure}),
 * the records passed between stages ({@code Source}, {@code Sidecar}, {@code BriefResult}, {@code Expansion},
 * {@code PolicyAction}), the queue names ({@link io.brief2image.base.Queues}), message header names, the one JSON
 * dialect ({@link io.brief2image.base.Json}), atomic file writes, resource locations, metrics and progress.
 * It may use only the JDK and libraries (Jackson, Camel, Micrometer), no other package of the project.
 */
package io.brief2image.base;
