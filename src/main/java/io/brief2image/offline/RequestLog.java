package io.brief2image.offline;

import java.util.ArrayList;
import java.util.List;

/** Keeps every request in arrival order; handlers append from many threads at once. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
