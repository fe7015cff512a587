package at.leoben.assistant.staff;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.staff.StaffLoginConfig.ApiMechanism;
import at.leoben.assistant.staff.StaffLoginConfig.UiMechanism;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Login settings that would lock all staff out are refused at start-up. */
class OidcLoginProblemsTest {

  private static final Set<ApiMechanism> BOTH = Set.of(ApiMechanism.BASIC, ApiMechanism.BEARER);

  @Test
  void theDefaultsAndTheIdentityProviderSetUpAreFine() {
    assertThat(StaffLoginCheck.problems(BOTH, UiMechanism.FORM, false, "hybrid")).isEmpty();
    assertThat(StaffLoginCheck.problems(BOTH, UiMechanism.CODE, true, "hybrid")).isEmpty();
    assertThat(StaffLoginCheck.problems(Set.of(ApiMechanism.BEARER), UiMechanism.FORM, true, "service")).isEmpty();
  }

  @Test
  void identityProviderLoginsWithoutTheIdentityProviderAreRefused() {
    assertThat(StaffLoginCheck.problems(Set.of(ApiMechanism.BEARER), UiMechanism.FORM, false, "hybrid"))
        .singleElement().asString().contains("ASSISTANT_STAFF_LOGIN_API");
    assertThat(StaffLoginCheck.problems(BOTH, UiMechanism.CODE, false, "hybrid"))
        .singleElement().asString().contains("ASSISTANT_STAFF_LOGIN_UI");
  }

  @Test
  void anApplicationTypeThatCannotServeTheChosenLoginIsRefused() {
    assertThat(StaffLoginCheck.problems(BOTH, UiMechanism.FORM, true, "web-app")).hasSize(1);
    assertThat(StaffLoginCheck.problems(BOTH, UiMechanism.CODE, true, "service")).hasSize(1);
  }
}
