package io.brief2image.offline;

import java.util.List;

/**
 * A POST /v1/images/edits request: multipart {@link ImageOptions} fields plus the base image(s),
 * sent as {@code image[]} (several) or {@code image} (one).
 */
record EditsRequest(ImageOptions options, List<MultipartForm.Part> bases) {

    private static final String[] IMAGE_FIELDS = {"image[]", "image"};

    static EditsRequest parse(IncomingRequest request, ServedModels models) {
        MultipartForm form = request.requireForm();
        ImageOptions options = ImageOptions.read(RequestParams.ofForm(form), models);
        List<MultipartForm.Part> bases = form.filesNamed(IMAGE_FIELDS);
        if (bases.isEmpty()) {
            throw ApiError.missing("image");
        }
        return new EditsRequest(options, bases);
    }

    static RecordedRequest logged(IncomingRequest request) {
        int imageParts = request.form() == null ? 0 : request.form().filesNamed(IMAGE_FIELDS).size();
        return ImageOptions.logged(request, RequestParams.ofForm(request.form()), imageParts);
    }

    /** Tells the base images apart, so the same prompt on another base paints another preview. */
    String baseFingerprint() {
        return PromptSeed.fingerprint(bases.stream().map(MultipartForm.Part::content).toList());
    }
}
