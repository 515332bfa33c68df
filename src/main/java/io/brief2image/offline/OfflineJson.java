package io.brief2image.offline;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one configured mapper; ObjectMapper is thread-safe and expensive to build. */
final class OfflineJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OfflineJson() {
    }
}
