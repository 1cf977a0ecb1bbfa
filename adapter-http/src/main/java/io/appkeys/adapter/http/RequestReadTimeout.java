package io.appkeys.adapter.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long one request may take to arrive, from its first byte to its last (headers and body):
 * {@code appkeys.request-read-timeout}, 10 s by default. The idle timeout closes a connection on which
 * nothing moves; this closes one that a client keeps open by sending a byte now and then (slowloris), which
 * would otherwise hold it as long as it likes. A connection idle between requests is the idle timeout's.
 */
@Singleton
final class RequestReadTimeout implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final long timeoutNanos;

    RequestReadTimeout(@Value("${appkeys.request-read-timeout:10s}") Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Puts a watch around the HTTP/1 decoder of each connection. */
    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel forChannel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(forChannel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
            if (channel == null || channel.pipeline().get(codec) == null) {
                return;
            }
            Watch watch = new Watch(channel);
            channel.pipeline().addBefore(codec, "appkeys-request-start", new Observer(watch, false));
            channel.pipeline().addAfter(codec, "appkeys-request-end", new Observer(watch, true));
        }
    }

    /** The deadline of the request arriving on one connection; touched on its event loop only. */
    private final class Watch {

        private final Channel channel;
        private ScheduledFuture<?> deadline;

        Watch(Channel channel) {
            this.channel = channel;
        }

        void started() {
            if (deadline == null) {
                Runnable cutOff = channel::close;
                deadline = channel.eventLoop().schedule(cutOff, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        void arrived() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }

    /** Before the decoder it sees a request's first bytes; after it, the request's last part. */
    private static final class Observer extends ChannelInboundHandlerAdapter {

        private final Watch watch;
        private final boolean decoded;

        Observer(Watch watch, boolean decoded) {
            this.watch = watch;
            this.decoded = decoded;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!decoded) {
                watch.started();
            } else if (message instanceof LastHttpContent) {
                watch.arrived();
            }
            context.fireChannelRead(message);
        }
    }
}
