package org.jointops.support.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service's API tokens may also be kept: a Java properties file with the
 * configuration's own keys, re-read when it changes (see {@link TokensFile}).
 *
 * @param tokensFile the file ({@code jointops.tokens-file}); none by default: the tokens
 * are the inline configuration's only
 * @param tokensFileCheckInterval how often, at most, the file is looked at for a change
 * ({@code jointops.tokens-file-check-interval}), on the first request after the interval;
 * {@code 0s} looks at every request
 */
@ConfigurationProperties("jointops")
public record TokensFileProperties(Path tokensFile, @DefaultValue("5s") Duration tokensFileCheckInterval) {

}
