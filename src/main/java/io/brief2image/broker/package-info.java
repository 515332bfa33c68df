/**
 * The embedded, persistent ActiveMQ broker that holds queues briefs, briefs.DLQ and images when no
 * external broker is set (brief2image.broker-url). It may use only {@code base}.
 */
package io.brief2image.broker;
