import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Container health probe: GET http://127.0.0.1:$SERVER_PORT{path} and exit 0 on a 2xx answer, 1 otherwise.
 * The runtime image has no curl or wget; this needs only java.base of the jlink'd runtime.
 */
public final class HealthCheck {
    private HealthCheck() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String path = args.length > 0 ? args[0] : "/health/live";
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(3000);
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            connection.disconnect();
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
        }
    }
}
