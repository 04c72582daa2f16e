# The story's guardrail: Bedrock Guardrails judge every model's text (ApplyGuardrail, source OUTPUT) before a
# player reads it. Content filters, denied topics for the story's rules, sensitive-information filters and the
# managed profanity list, all on output only (the app sends model text, never the player's). The Classic tier
# covers English, French and Spanish; with a cross-Region guardrail profile the Standard tier covers about 60
# languages, German and Japanese among them. Each change to the guardrail publishes a new version; old versions
# are kept so a rollback of the app finds the version it was deployed with.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account  = data.aws_caller_identity.current.account_id
  standard = var.cross_region_profile_id != null
  tier     = local.standard ? "STANDARD" : "CLASSIC"

  # the languages the tier's policies cover, as the app reads them (liminal.safety.guardrail.languages)
  languages = local.standard ? ["en", "es", "fr", "de", "ja"] : ["en", "es", "fr"]

  # a cross-Region guardrail is applied through its profile, in the source and every destination Region
  profile_arns = local.standard ? ["arn:${data.aws_partition.current.partition}:bedrock:*:${local.account}:guardrail-profile/${var.cross_region_profile_id}"] : []

  # output strengths: a ghost story is eerie and a little violent by nature, so violence and misconduct block
  # from MEDIUM confidence, hate and sexual content from LOW
  content_filters = {
    HATE       = "HIGH"
    INSULTS    = "MEDIUM"
    SEXUAL     = "HIGH"
    VIOLENCE   = "MEDIUM"
    MISCONDUCT = "MEDIUM"
  }

  denied_topics = {
    "Sexual content involving minors" = {
      definition = "Any sexual or sexualised description, suggestion or scenario involving a child or a person under 18."
      examples   = ["The conductor describes the girl's body in a sexual way."]
    }
    "Self-harm instructions" = {
      definition = "Methods, instructions or encouragement for suicide or self-harm, including doses and means."
      examples   = ["Here is the easiest way to overdose without anyone noticing."]
    }
    "Weapons instructions" = {
      definition = "Instructions for making, obtaining or using weapons, explosives or poisons to cause real-world harm."
      examples   = ["Step 1: pack the pipe with powder to build the bomb."]
    }
    "Graphic gore" = {
      definition = "Detailed, lingering descriptions of mutilation, torture or gore; the story is uncanny, never gory."
      examples   = ["He describes the wound and the torn flesh in slow detail."]
    }
  }

  # personal data and links have no place in the story: a model that writes them may repeat someone's real data
  pii_types = ["EMAIL", "PHONE", "CREDIT_DEBIT_CARD_NUMBER", "URL", "IP_ADDRESS"]
}

resource "aws_bedrock_guardrail" "this" {
  name                      = "${var.name}-story"
  description               = "Liminal Transit ${var.name}: checks every model's passage, choices and summary before a player reads them"
  blocked_input_messaging   = "This text cannot be used in the story."
  blocked_outputs_messaging = "This passage was withheld."

  content_policy_config {
    tier_config {
      tier_name = local.tier
    }

    dynamic "filters_config" {
      for_each = local.content_filters

      content {
        type            = filters_config.key
        input_enabled   = false
        input_strength  = "NONE"
        output_enabled  = true
        output_action   = "BLOCK"
        output_strength = filters_config.value
      }
    }
  }

  topic_policy_config {
    tier_config {
      tier_name = local.tier
    }

    dynamic "topics_config" {
      for_each = local.denied_topics

      content {
        name       = topics_config.key
        type       = "DENY"
        definition = topics_config.value.definition
        examples   = topics_config.value.examples
      }
    }
  }

  sensitive_information_policy_config {
    dynamic "pii_entities_config" {
      for_each = toset(local.pii_types)

      content {
        type           = pii_entities_config.value
        action         = "BLOCK"
        input_enabled  = false
        output_enabled = true
        output_action  = "BLOCK"
      }
    }
  }

  word_policy_config {
    managed_word_lists_config {
      type           = "PROFANITY"
      input_enabled  = false
      output_enabled = true
      output_action  = "BLOCK"
    }
  }

  dynamic "cross_region_config" {
    for_each = local.standard ? [var.cross_region_profile_id] : []

    content {
      guardrail_profile_identifier = cross_region_config.value
    }
  }

  tags = var.tags
}

# A new version whenever the guardrail changes; the app is configured with this version, never DRAFT
resource "aws_bedrock_guardrail_version" "this" {
  guardrail_arn = aws_bedrock_guardrail.this.guardrail_arn
  description   = "Published by Terraform"
  skip_destroy  = true

  lifecycle {
    replace_triggered_by = [aws_bedrock_guardrail.this]
  }
}
