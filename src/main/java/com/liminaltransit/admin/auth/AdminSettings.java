package com.liminaltransit.admin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The writers' room configuration. Accounts are {@code liminal.admin.users} (a comma list) with a bcrypt hash each
 * in {@code liminal.admin.<user>.password-hash}; there is no default account. Hashes are secrets: they come from
 * the environment or Secrets Manager, and this class never prints them. (The names are part of the keys, so these
 * are read from {@link Config} itself; the session and sign-in limits are {@link SessionLimits} and
 * {@link LoginLimits}.) Names are {@link Usernames#normalise normalised}: {@code Ada} in the list is the account
 * {@code ada}. The accounts are read when the application starts, so a bad name or hash stops the server instead of
 * leaving it ready while every sign-in fails.
 */
@ApplicationScoped
public class AdminSettings {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private final Map<String, String> hashes;

    /**
     * Reads the accounts.
     *
     * @throws IllegalStateException when a listed user has no hash or a malformed one, so a mistake stops the
     *                               server at start-up instead of locking writers out silently
     */
    @Inject
    public AdminSettings(Config config) {
        Map<String, String> accounts = new LinkedHashMap<>();
        String users =
                config.getOptionalValue("liminal.admin.users", String.class).orElse("");
        for (String user : Arrays.stream(users.split(","))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .toList()) {
            if (!USERNAME.matcher(user).matches()) {
                throw new IllegalStateException("liminal.admin.users: '" + user
                        + "' is not a username (letters, digits, '.', '_' and '-', at most 64)");
            }
            String key = "liminal.admin." + user + ".password-hash";
            String hash = config.getOptionalValue(key, String.class)
                    .map(String::strip)
                    .orElseThrow(() -> new IllegalStateException(
                            key + " is not set: every writer in liminal.admin.users needs one"));
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(key + " is not a bcrypt hash ($2a$, $2b$ or $2y$, cost 04-31)");
            }
            if (accounts.putIfAbsent(Usernames.normalise(user), hash) != null) {
                throw new IllegalStateException(
                        "liminal.admin.users: '" + user + "' is listed twice (names are compared without case)");
            }
        }
        this.hashes = Map.copyOf(accounts);
    }

    /** Whether any writer account is configured. */
    public boolean hasAccounts() {
        return !hashes.isEmpty();
    }

    /** The configured usernames. */
    public List<String> usernames() {
        return List.copyOf(hashes.keySet());
    }

    /** The bcrypt hash of a user (a {@link Usernames#normalise normalised} name), or {@code null}. */
    String hashOf(String username) {
        return username == null ? null : hashes.get(username);
    }
}
