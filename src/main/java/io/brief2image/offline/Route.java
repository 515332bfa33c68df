package io.brief2image.offline;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An endpoint given by its method, a path pattern and what it answers: the Files and Batches API
 * have several per path ({@code GET} and {@code POST /v1/batches}), which the router tells apart.
 *
 * @param template the path as documented, e.g. {@code /v1/batches/{id}}; {@code {id}} is one path segment
 */
record Route(String method, String template, Function<IncomingRequest, ApiEndpoint.PreparedReply> handler)
        implements ApiEndpoint {

    @Override
    public String path() {
        return template;
    }

    @Override
    public boolean serves(String requestPath) {
        return Pattern.matches(template.replace("{id}", "[^/]+"), requestPath);
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        return request.logged();
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        return handler.apply(request);
    }

    /** The {@code {id}} segment of {@code path} (the third, as in /v1/files/{id}/content). */
    static String idIn(String path) {
        return path.split("/")[3];
    }
}
