package com.liminaltransit.admin.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the sign-in beans when the application starts, so a malformed writer account ({@code liminal.admin.users},
 * a {@code …password-hash}) or sign-in and session limit stops the server there, instead of leaving it ready while
 * {@code /admin/login} answers 500. The failure is one short message naming the setting (its causes joined), not
 * a container's stack of nested constructors, so it stands out at the end of the log.
 */
@ApplicationScoped
class SignInCheckedAtStart {

    private final Instance<AdminSettings> settings;
    private final Instance<Passwords> passwords;
    private final Instance<LoginThrottle> throttle;
    private final Instance<AdminSessions> sessions;

    @Inject
    SignInCheckedAtStart(
            Instance<AdminSettings> settings,
            Instance<Passwords> passwords,
            Instance<LoginThrottle> throttle,
            Instance<AdminSessions> sessions) {
        this.settings = settings;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /** Calls each bean once, which makes the container construct it (and check its settings). */
    void check(
            @Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class)
                    Object started) {
        try {
            settings.get().hasAccounts();
            passwords.get().checks();
            throttle.get().toString();
            sessions.get().toString();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The writers' room cannot start: " + messages(e));
        }
    }

    /** The distinct messages of an exception and its causes, outermost first. */
    static String messages(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable next = error; next != null && messages.size() < 5; next = next.getCause()) {
            String message = next.getMessage();
            if (message != null && !message.isBlank() && messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        return messages.isEmpty() ? error.getClass().getName() : String.join(": ", messages);
    }
}
