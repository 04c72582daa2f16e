package com.liminaltransit.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Gives every browser a player id in a cookie the first time it comes, and hands the id to resources as a
 * request property. The cookie is {@code HttpOnly}, {@code SameSite=Lax} (other sites cannot post choices for
 * a player) and {@code Secure} whenever the request came over HTTPS, where it is also named with the
 * {@code __Host-} prefix ({@link HostCookies}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class PlayerCookieFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The cookie's name over plain HTTP; {@code __Host-lt_player} over HTTPS. */
    public static final String COOKIE = "lt_player";

    private static final String PLAYER = "liminal.player";
    private static final String ISSUED = "liminal.player.issued";
    private static final int MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    private final RequestOrigin origin;

    /** Uses {@code origin} to tell whether the player came over HTTPS. */
    @Inject
    public PlayerCookieFilter(RequestOrigin origin) {
        this.origin = origin;
    }

    /** The player of this request; set by the filter before any resource runs. */
    public static Player player(ContainerRequestContext request) {
        return (Player) request.getProperty(PLAYER);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String id = HostCookies.value(request, COOKIE, origin.isHttps(request));
        if (Player.wellFormed(id)) {
            request.setProperty(PLAYER, new Player(id));
        } else {
            request.setProperty(PLAYER, Player.newPlayer());
            request.setProperty(ISSUED, Boolean.TRUE);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ISSUED) == null || player(request) == null) {
            return;
        }
        boolean https = origin.isHttps(request);
        NewCookie cookie = new NewCookie.Builder(HostCookies.name(COOKIE, https))
                .value(player(request).id())
                .path("/")
                .maxAge(MAX_AGE)
                .httpOnly(true)
                .secure(https)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    }
}
