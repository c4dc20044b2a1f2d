package io.citytwin.ingest.history.embedded;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** MVStore serialisation of the index's keys and values; the byte layout is the file format. */
final class IndexTypes {

    private IndexTypes() {}

    /** varint length + chars of sensor id and quantity name, then the time as a varlong. */
    static final class KeyType extends BasicDataType<SeriesKey> {

        static final KeyType INSTANCE = new KeyType();

        @Override
        public int getMemory(SeriesKey key) {
            return 64 + 2 * (key.sensorId().length() + key.quantity().length());
        }

        @Override
        public void write(WriteBuffer buff, SeriesKey key) {
            writeString(buff, key.sensorId());
            writeString(buff, key.quantity());
            buff.putVarLong(key.timeMillis());
        }

        @Override
        public SeriesKey read(ByteBuffer buff) {
            String sensor = DataUtils.readString(buff);
            String quantity = DataUtils.readString(buff);
            return new SeriesKey(sensor, quantity, DataUtils.readVarLong(buff));
        }

        private static void writeString(WriteBuffer buff, String s) {
            buff.putVarInt(s.length()).putStringData(s, s.length());
        }

        @Override
        public int compare(SeriesKey a, SeriesKey b) {
            return a.compareTo(b);
        }

        @Override
        public SeriesKey[] createStorage(int size) {
            return new SeriesKey[size];
        }
    }

    /** The double's bits, then one flag byte. */
    static final class ValueType extends BasicDataType<StoredValue> {

        static final ValueType INSTANCE = new ValueType();

        @Override
        public int getMemory(StoredValue value) {
            return 32;
        }

        @Override
        public void write(WriteBuffer buff, StoredValue value) {
            buff.putDouble(value.value()).put((byte) (value.exercise() ? 1 : 0));
        }

        @Override
        public StoredValue read(ByteBuffer buff) {
            return new StoredValue(buff.getDouble(), buff.get() != 0);
        }

        @Override
        public StoredValue[] createStorage(int size) {
            return new StoredValue[size];
        }
    }
}
