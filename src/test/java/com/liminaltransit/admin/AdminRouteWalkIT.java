package com.liminaltransit.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.WebTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks every route under {@code /admin} and every route of a {@link WritersOnly} resource, found by reflection on
 * the JAX-RS resources of the application (so a route added later is walked too), and proves none answers without
 * a session: a page request is sent to sign in, an htmx request gets 401. Only the sign-in page itself is open.
 * The gate goes by path and annotation, never by Java package: a marked resource mounted elsewhere is closed, an
 * unmarked one outside {@code /admin} is open even in the admin package.
 */
@HelidonTest
@AddBean(AdminRouteWalkIT.Backstage.class)
@AddBean(AdminRouteWalkIT.Noticeboard.class)
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:admin-walk;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class AdminRouteWalkIT {

    private static final String OPEN = "/admin/login";

    @Inject
    private WebTarget target;

    /** A writers' resource mounted outside {@code /admin}: the annotation alone must close it. */
    @Path("/backstage")
    @WritersOnly
    @ApplicationScoped
    public static class Backstage {
        /** A page. */
        @GET
        public String show() {
            return "backstage";
        }

        /** A change. */
        @POST
        public String change() {
            return "changed";
        }
    }

    /** A resource in the admin package but not the writers' room's: the package no longer closes it. */
    @Path("/noticeboard")
    @ApplicationScoped
    public static class Noticeboard {
        /** A public page. */
        @GET
        public String show() {
            return "noticeboard";
        }
    }

    /** One route: an HTTP method and a path template. */
    record Route(String method, String path) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "x");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyAdminRouteButSignInSendsAPageRequestWithoutSessionToSignIn() {
        PlayerClient stranger = new PlayerClient(URI.create(target.getUri().toString()));
        List<Route> routes = guardedRoutes();

        assertSoftly(softly -> {
            for (Route route : routes) {
                Answer answer = stranger.send(request(stranger, route));
                softly.assertThat(answer.status())
                        .as("%s without a session", route)
                        .isEqualTo(303);
                softly.assertThat(answer.header("Location"))
                        .as("%s redirects to sign in", route)
                        .hasValueSatisfying(
                                l -> assertThat(URI.create(l).getPath()).isEqualTo(OPEN));
                softly.assertThat(answer.body()).as("%s shows nothing", route).isEmpty();
            }
        });
    }

    @Test
    void everyAdminRouteButSignInAnswersHtmxWithoutSessionWith401() {
        PlayerClient stranger = new PlayerClient(URI.create(target.getUri().toString()));

        assertSoftly(softly -> {
            for (Route route : guardedRoutes()) {
                Answer answer = stranger.send(request(stranger, route).header("HX-Request", "true"));
                softly.assertThat(answer.status())
                        .as("%s over htmx without a session", route)
                        .isEqualTo(401);
                softly.assertThat(answer.header("HX-Redirect"))
                        .as("%s tells htmx where to go", route)
                        .hasValue(OPEN);
            }
        });
    }

    @Test
    void everyAdminRouteRefusesAForgedSessionCookie() {
        PlayerClient forger = new PlayerClient(URI.create(target.getUri().toString()));
        forger.setCookie("lt_admin", "A".repeat(43));

        assertSoftly(softly -> {
            for (Route route : guardedRoutes()) {
                softly.assertThat(forger.send(request(forger, route)).status())
                        .as("%s with a forged cookie", route)
                        .isEqualTo(303);
            }
        });
    }

    @Test
    void noSpellingOfAnAdminPathSlipsPastTheGate() {
        PlayerClient stranger = new PlayerClient(URI.create(target.getUri().toString()));

        assertSoftly(softly -> {
            for (String path : List.of(
                    "/admin;x",
                    "/admin/;x",
                    "/admin/analytics;jsessionid=1",
                    "/admin/",
                    "/admin/analytics/",
                    "/admin/randomtest;a=b/x",
                    "/admin/login;x/../analytics")) {
                Answer answer = stranger.get(path);
                softly.assertThat(answer.status())
                        .as("GET %s without a session", path)
                        .isIn(303, 404);
                softly.assertThat(answer.html().select("h1").text())
                        .as("GET %s shows no admin page", path)
                        .doesNotContain("Good evening", "Analytics", "Randomtest");
            }
        });
    }

    @Test
    void aResourceOutsideAdminIsGatedByItsMarkAndNotByItsPackage() {
        PlayerClient stranger = new PlayerClient(URI.create(target.getUri().toString()));

        assertThat(stranger.get("/backstage").status()).isEqualTo(303);
        assertThat(stranger.send(request(stranger, new Route("POST", "/backstage")))
                        .status())
                .isEqualTo(303);
        Answer open = stranger.get("/noticeboard");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("noticeboard");
    }

    @Test
    void theWalkFindsTheKnownRoutesSoItCannotPassEmpty() {
        assertThat(guardedRoutes())
                .extracting(Route::toString)
                .contains(
                        "GET /admin",
                        "POST /admin/logout",
                        "GET /admin/analytics",
                        "GET /admin/randomtest",
                        "POST /admin/randomtest",
                        "GET /admin/randomtest/{id}",
                        "POST /admin/randomtest/{id}/cancel",
                        "GET /admin/prompts",
                        "POST /admin/prompts",
                        "GET /admin/prompts/{version}",
                        "POST /admin/prompts/{version}/publish",
                        "GET /admin/prompts/diff",
                        "GET /admin/prompts/new",
                        "GET /admin/preview",
                        "POST /admin/preview/run",
                        "GET /admin/experiments",
                        "POST /admin/experiments",
                        "GET /admin/experiments/{id}",
                        "POST /admin/experiments/{id}/stop",
                        "GET /backstage",
                        "POST /backstage");
        assertThat(allAdminRoutes()).extracting(Route::toString).contains("GET /admin/login", "POST /admin/login");
    }

    private static HttpRequest.Builder request(PlayerClient client, Route route) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(client.uri(route.concretePath()));
        if ("GET".equals(route.method()) || "HEAD".equals(route.method()) || "OPTIONS".equals(route.method())) {
            return builder.method(route.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/x-www-form-urlencoded")
                .method(route.method(), HttpRequest.BodyPublishers.ofString("a=b"));
    }

    private static List<Route> guardedRoutes() {
        return allAdminRoutes().stream().filter(r -> !r.path().equals(OPEN)).toList();
    }

    /** Every resource method of our application (and this test's) under /admin or of a {@link WritersOnly} resource. */
    static List<Route> allAdminRoutes() {
        List<Route> routes = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>(applicationClasses());
        types.add(Backstage.class);
        types.add(Noticeboard.class);
        for (Class<?> type : types) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                if (path.equals("/admin")
                        || path.startsWith("/admin/")
                        || type.isAnnotationPresent(WritersOnly.class)) {
                    routes.add(new Route(verb, path));
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> applicationClasses() {
        try {
            java.nio.file.Path root = Paths.get(com.liminaltransit.web.View.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("com/liminaltransit"))) {
                return files.filter(f -> f.toString().endsWith(".class")
                                && !f.getFileName().toString().contains("$"))
                        .map(f ->
                                root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .map(AdminRouteWalkIT::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AdminRouteWalkIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
