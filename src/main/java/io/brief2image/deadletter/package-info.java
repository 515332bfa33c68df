/**
 * Dead letters: a failed brief goes to failed/&lt;name&gt; with its error report
 * (failed/&lt;name&gt;.error.json, read and written only by {@link io.brief2image.deadletter.ErrorReport}), a
 * JMS brief also to queue briefs.DLQ; {@link io.brief2image.deadletter.DeadLetterReplay} puts them back. It
 * may use the layers below it: {@code base} up to {@code outbox}.
 */
package io.brief2image.deadletter;
