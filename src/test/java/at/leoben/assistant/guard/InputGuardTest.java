package at.leoben.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guard's older crisis terms around the shipped safety net. */
class InputGuardTest {

  private final InputGuard guard = GuardCorpus.inputGuard();

  @Test
  void aCrisisTermThatNamesACharitysCauseDoesNotTurnTheOrganiserAway() {
    assertThat(guard.check("Wir machen einen Adventbasar zugunsten des Frauenhauses. Brauchen wir dafür eine Genehmigung?"))
        .isInstanceOf(InputVerdict.Pass.class);
    assertThat(guard.check("Die Parkgebühren sind ja zum Sterben teuer. Gibt es eine Monatskarte?"))
        .isInstanceOf(InputVerdict.Pass.class);
  }

  @Test
  void aSignLanguageInterpreterForAnAppointmentIsAQuestionAboutTheService() {
    assertThat(guard.check("Ist für die Hochzeit im Standesamt eine Gebärdensprachdolmetscherin möglich?"))
        .isInstanceOf(InputVerdict.Pass.class);
  }

  @Test
  void theSameTermInAPersonalSituationIsACrisis() {
    assertThat(guard.check("Mein Mann schlägt mich, ich brauche einen Platz im Frauenhaus."))
        .isEqualTo(new InputVerdict.Sensitive(SensitiveArea.CRISIS));
    assertThat(guard.check("Ich will sterben. Wann hat das Bürgerservice offen?"))
        .isEqualTo(new InputVerdict.Sensitive(SensitiveArea.CRISIS));
  }
}
