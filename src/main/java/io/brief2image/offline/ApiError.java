package io.brief2image.offline;

/** A request the offline server refuses, carrying what the OpenAI error body needs. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    ApiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    static ApiError invalidValue(String param, String message) {
        return new ApiError(400, "invalid_request_error", param, "invalid_value", message);
    }

    static ApiError missing(String param) {
        return new ApiError(400, "invalid_request_error", param, "missing_required_parameter",
                "Missing required parameter: '" + param + "'.");
    }

    static ApiError unknownParameter(String param) {
        return new ApiError(400, "invalid_request_error", param, "unknown_parameter",
                "Unknown parameter: '" + param + "'.");
    }

    static ApiError unparseableBody(String detail) {
        return new ApiError(400, "invalid_request_error", null, "invalid_json",
                "We could not parse the body of your request: " + detail);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }
}
