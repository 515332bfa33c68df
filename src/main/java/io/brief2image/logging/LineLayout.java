package io.brief2image.logging;

/** How an event becomes one line of text (ending with a line separator; a stack trace may follow on its own lines). */
interface LineLayout {

    void append(StringBuilder line, LogEvent event);
}
