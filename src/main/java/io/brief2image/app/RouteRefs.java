package io.brief2image.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * Every bean the YAML routes name ({@code bean: {ref, method}}, {@code process: {ref}}, {@code bean:NAME}
 * URIs and {@code #bean:NAME} parameters) is bound, of a type that has the method named, so a typo in
 * routes/ stops the start with a sentence naming the file, the route, the step and the bean.
 */
public final class RouteRefs {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern BEAN_URI = Pattern.compile("^bean:([A-Za-z0-9_.-]+)(?:\\?(?:.*&)?method=([A-Za-z0-9_]+))?");
    private static final Pattern HASH_BEAN = Pattern.compile("#bean:([A-Za-z0-9_.-]+)");

    /** One reference: where it is, the bean and the method it names ({@code null} when none or a processor). */
    public record Ref(String file, String route, String step, String bean, String method, boolean processor) {
    }

    private RouteRefs() {
    }

    /** Fails with every unresolved reference in the routes at {@code location} (e.g. classpath:routes/*.yaml). */
    public static void check(CamelContext context, String location) {
        List<String> problems = problems(context.getRegistry(), find(context, location));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the routes name beans that are not there:\n  " + String.join("\n  ", problems));
        }
    }

    public static List<Ref> find(CamelContext context, String location) {
        Collection<Resource> resources;
        try {
            resources = PluginHelper.getPackageScanResourceResolver(context).findResources(location);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the routes at " + location, e);
        }
        List<Ref> refs = new ArrayList<>();
        for (Resource resource : resources) {
            String file = resource.getLocation().replaceFirst("^(classpath|file):", "");
            file = file.contains("routes/") ? file.substring(file.lastIndexOf("routes/")) : file;
            try (InputStream in = resource.getInputStream()) {
                walk(YAML.readTree(in), file, "", "", refs);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return refs;
    }

    public static List<String> problems(Registry registry, List<Ref> refs) {
        List<String> problems = new ArrayList<>();
        for (Ref ref : refs) {
            Object bean = registry.lookupByName(ref.bean());
            String where = ref.file() + ", route '" + ref.route() + "', step " + ref.step() + ": ";
            if (bean == null) {
                problems.add(where + "no bean '" + ref.bean() + "' is bound (a typo in the route, or a bean method missing in app/*Beans)");
            } else if (ref.processor() && !(bean instanceof Processor)) {
                problems.add(where + "bean '" + ref.bean() + "' is a " + bean.getClass().getSimpleName() + ", not a Processor");
            } else if (ref.method() != null && Arrays.stream(bean.getClass().getMethods()).noneMatch(m -> m.getName().equals(ref.method()))) {
                problems.add(where + "bean '" + ref.bean() + "' (" + bean.getClass().getSimpleName() + ") has no method '" + ref.method() + "'");
            }
        }
        return problems;
    }

    private static void walk(JsonNode node, String file, String route, String path, List<Ref> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                String here = path + "/" + name;
                String inRoute = (name.equals("route") || name.equals("routeConfiguration")) && value.path("id").isTextual()
                        ? value.path("id").asText() : route;
                if ((name.equals("bean") || name.equals("process")) && value.path("ref").isTextual()) {
                    String method = value.path("method").isTextual() ? value.path("method").asText() : null;
                    refs.add(new Ref(file, route, here, value.path("ref").asText(), method, name.equals("process")));
                }
                walk(value, file, inRoute, here, refs);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), file, route, path + "/" + i, refs);
            }
        } else if (node.isTextual()) {
            Matcher uri = BEAN_URI.matcher(node.asText());
            if (uri.find()) {
                refs.add(new Ref(file, route, path, uri.group(1), uri.group(2), false));
            }
            Matcher hash = HASH_BEAN.matcher(node.asText());
            while (hash.find()) {
                refs.add(new Ref(file, route, path, hash.group(1), null, false));
            }
        }
    }
}
