package io.appkeys.core.service.authentication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Failed authentications are counted and logged at a bounded rate, not stored, so a flood fills nothing. */
class FailureReportingTest {

    private final World world = new World(AppKeysSettings.defaults().withThrottle(1000, Duration.ofSeconds(10)));
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FailureMonitor.class);

    private final Level level = logger.getLevel();

    @BeforeEach
    void capture() {
        logger.setLevel(Level.INFO); // tests run with application logs at WARN
        logger.setAdditive(false); // read here, and kept out of the build's output
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setAdditive(true);
        logger.setLevel(level);
        world.close();
    }

    @Test
    void aFloodOfFailures_writesNoRow_andAtMostOneLogLinePerInterval() {
        CreatedAppKey key = world.newKey("target");
        int auditRows = world.appKeys
                .readAuditLog(world.master, PageRequest.first())
                .items()
                .size();
        String wrong = AppToken.fromBody("Q".repeat(AppToken.BODY_LENGTH)).reveal();

        for (int i = 0; i < 200; i++) {
            world.appKeys.authenticate(key.key().appKey().value(), wrong);
            world.appKeys.authenticate("vtexappkey-acme-NOSUCH", wrong);
        }
        assertEquals(1, lines.list.size());
        world.clock.advance(Duration.ofSeconds(10));
        world.appKeys.authenticate(key.key().appKey().value(), wrong);

        assertEquals(2, lines.list.size());
        String summary = lines.list.get(1).getFormattedMessage();
        assertTrue(summary.contains("wrong_token=200") && summary.contains("unknown_key=200"), summary);
        List<String> all =
                lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertFalse(all.toString().contains(wrong.substring(0, 30)));
        assertFalse(all.toString().contains(key.key().appKey().value()));
        assertEquals(
                auditRows,
                world.appKeys
                        .readAuditLog(world.master, PageRequest.first())
                        .items()
                        .size());
        assertEquals(201L, world.appKeys.rejections().get(io.appkeys.core.domain.RejectionReason.WRONG_TOKEN));
    }
}
