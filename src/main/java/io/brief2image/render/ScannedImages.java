package io.brief2image.render;

import java.io.IOException;

/** Where {@link ImageFieldScanner} puts the decoded bytes of each image it takes out of a reply, and is told when it ends. */
interface ScannedImages {

    ImageSink open() throws IOException;

    /** Called with the finished sink; returns the image's number for the mark. */
    int close(ImageSink sink) throws IOException;
}
