/**
 * Intake: reading a brief (JSON, YAML, CSV rows, JMS messages) into a validated
 * {@link io.brief2image.brief.Brief}, with carry-over of older field names, and the model table
 * (models.yaml) with its lifecycle (retired models, replacements). First stage of routes/produce.yaml
 * ({@code briefIntake}); the inbox route ({@code inboxIntake}) cuts files into messages. It may use
 * {@code base}, {@code broker} and {@code http}.
 */
package io.brief2image.brief;
