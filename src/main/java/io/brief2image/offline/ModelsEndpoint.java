package io.brief2image.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /v1/models and GET /v1/models/{id}: what the offline provider serves, in OpenAI's list shape. */
final class ModelsEndpoint implements ApiEndpoint {

    private static final String PATH = ModelsRequest.PATH;

    private final ServedModels models;

    ModelsEndpoint(ServedModels models) {
        this.models = models;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @Override
    public RecordedRequest describe(IncomingRequest request) {
        return ModelsRequest.logged(request);
    }

    @Override
    public PreparedReply prepare(IncomingRequest request) {
        ModelsRequest asked = ModelsRequest.parse(request);
        if (asked.id() == null) {
            List<Map<String, Object>> data = new ArrayList<>();
            models.served().forEach((id, model) -> data.add(entry(id, model)));
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("object", "list");
            list.put("data", data);
            return replies -> replies.json(200, list);
        }
        Map<String, Object> entry = entry(asked.id(), models.require(asked.id()));
        return replies -> replies.json(200, entry);
    }

    private static Map<String, Object> entry(String id, ServedModels.Model model) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("object", "model");
        entry.put("created", model.created());
        entry.put("owned_by", model.ownedBy());
        return entry;
    }
}
