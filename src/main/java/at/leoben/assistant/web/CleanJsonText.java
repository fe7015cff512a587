package at.leoben.assistant.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/** Every string of every JSON body is read through {@link InputText#clean}: one place for all of them. */
@Singleton
public class CleanJsonText implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(new SimpleModule("clean-json-text").addDeserializer(String.class, new Cleaning()));
  }

  private static final class Cleaning extends StdScalarDeserializer<String> {

    Cleaning() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      // Jackson's own rules (and the coercions StrictJson forbids) first, then the cleaning.
      return InputText.clean(StringDeserializer.instance.deserialize(parser, context));
    }
  }
}
