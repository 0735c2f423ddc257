package io.brisk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.brisk.testing.ServerTest;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.output.MapOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RESP3 replies (maps, sets, verbatim strings, nulls) as Lettuce decodes them after HELLO 3. */
class Resp3LettuceTest extends ServerTest {

    @Test
    void lettuceNegotiatesResp3() {
        RedisCommands<String, String> l = lettuce();
        assertThat(l.clientInfo()).contains(" resp=3 ");
        assertThat(l.ping()).isEqualTo("PONG");
    }

    @Test
    void mapsVerbatimAndNulls() {
        RedisCommands<String, String> l = lettuce();
        Map<String, String> cfg = l.configGet("maxclients", "hash-max-ziplist-entries");
        assertThat(cfg).containsEntry("maxclients", "10000").containsEntry("hash-max-ziplist-entries", "512");
        assertThat(l.info("server")).startsWith("# Server\r\n").contains("redis_version:7.0.15");
        assertThat(l.clientList()).contains("resp=3");
        assertThat(l.get("missing")).isNull();
        assertThat(l.clientGetname()).isNull();
        assertThat(l.memoryUsage("missing")).isNull();
        assertThat(l.time()).hasSize(2);

        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> hello = (Map) l.dispatch(CommandType.HELLO, new MapOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add(3));
        assertThat(hello).containsEntry("server", "redis").containsEntry("proto", 3L).containsEntry("version", "7.0.15");
    }

    @Test
    void commandInfoSetsDecode() {
        RedisCommands<String, String> l = lettuce();
        List<Object> info = l.commandInfo("get");
        assertThat(info).hasSize(1);
        List<?> get = (List<?>) info.get(0);
        assertThat(get.get(0)).isEqualTo("get");
        assertThat(get.get(1)).isEqualTo(2L);
        assertThat(((List<?>) get.get(2)).stream().map(Object::toString).toList()).containsExactlyInAnyOrder("readonly", "fast");
        assertThat(l.commandCount()).isPositive();
        List<Object> list = l.dispatch(CommandType.COMMAND, new ArrayOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("LIST"));
        assertThat(list).contains("client|list", "get");
    }
}
