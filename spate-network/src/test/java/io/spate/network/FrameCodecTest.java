package io.spate.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private final EmbeddedChannel encoder = new EmbeddedChannel(new FrameEncoder());
    private final EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(1024));

    @AfterEach
    void close() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }

    @Test
    void framesSurviveEncodingAndDecoding() {
        byte[] body = "hello, spate".getBytes(StandardCharsets.UTF_8);
        ByteBuf wire = encode(new Frame(1, FrameType.DATA, 42, Unpooled.wrappedBuffer(body)));
        assertThat(wire.readableBytes()).isEqualTo(Frames.HEADER_SIZE + body.length);
        assertThat(wire.getInt(0)).isEqualTo(Frames.MAGIC);

        decoder.writeInbound(wire);
        Frame frame = decoder.readInbound();
        try {
            assertThat(frame.version()).isEqualTo(1);
            assertThat(frame.type()).isEqualTo(FrameType.DATA);
            assertThat(frame.channelId()).isEqualTo(42);
            assertThat(frame.payload().toString(StandardCharsets.UTF_8)).isEqualTo("hello, spate");
        } finally {
            frame.release();
        }
    }

    @Test
    void framesSplitAcrossReadsAndSeveralInOneReadAreDecoded() {
        ByteBuf wire = Unpooled.buffer();
        for (int i = 0; i < 5; i++) {
            ByteBuf payload = Unpooled.buffer();
            payload.writeInt(i);
            ByteBuf encoded = encode(new Frame(1, FrameType.CREDIT, i, payload));
            wire.writeBytes(encoded);
            encoded.release();
        }
        wire.writeBytes(encode(Frame.of(1, FrameType.OPEN_CHANNEL, 9)));
        // one byte at a time
        while (wire.isReadable()) {
            decoder.writeInbound(wire.readRetainedSlice(1));
        }
        wire.release();
        for (int i = 0; i < 5; i++) {
            Frame frame = decoder.readInbound();
            assertThat(frame.type()).isEqualTo(FrameType.CREDIT);
            assertThat(frame.channelId()).isEqualTo(i);
            assertThat(frame.payload().readInt()).isEqualTo(i);
            frame.release();
        }
        Frame open = decoder.readInbound();
        assertThat(open.type()).isEqualTo(FrameType.OPEN_CHANNEL);
        assertThat(open.payload().readableBytes()).isZero();
        open.release();
        assertThat((Object) decoder.readInbound()).isNull();
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItsPayloadArrives() {
        ByteBuf header = Frames.header(Unpooled.buffer().alloc(), 1, FrameType.DATA, 1, 1025);
        assertThatThrownBy(() -> decoder.writeInbound(header))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("peer embedded")
                .hasMessageContaining("sent a frame of 1025 bytes, more than the maximum of 1024")
                .hasMessageContaining("network.max-frame-size");
    }

    @Test
    void aNegativeLengthIsRefused() {
        ByteBuf header = Frames.header(Unpooled.buffer().alloc(), 1, FrameType.DATA, 1, -1);
        assertThatThrownBy(() -> decoder.writeInbound(header))
                .cause()
                .hasMessageContaining("sent a frame of 4294967295 bytes");
    }

    @Test
    void bytesThatAreNotFramesAreRefused() {
        ByteBuf garbage =
                Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> decoder.writeInbound(garbage))
                .cause()
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("is not a Spate network peer")
                .hasMessageContaining("0x47455420");
        // everything after a refusal is discarded, not decoded
        decoder.writeInbound(encode(Frame.of(1, FrameType.OPEN_CHANNEL, 1)));
        assertThat((Object) decoder.readInbound()).isNull();
    }

    @Test
    void anUnknownFrameTypeIsRefused() {
        ByteBuf wire = Unpooled.buffer();
        wire.writeInt(Frames.MAGIC).writeByte(1).writeByte(99).writeInt(0).writeInt(0);
        assertThatThrownBy(() -> decoder.writeInbound(wire))
                .cause()
                .hasMessageContaining("sent a frame of unknown type 99");
    }

    private ByteBuf encode(Frame frame) {
        encoder.writeOutbound(frame);
        ByteBuf out = Unpooled.buffer();
        ByteBuf part;
        while ((part = encoder.readOutbound()) != null) {
            out.writeBytes(part);
            part.release();
        }
        return out;
    }
}
