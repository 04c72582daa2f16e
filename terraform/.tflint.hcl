# tflint configuration for every module, environment and the bootstrap (ci.yml runs tflint per directory).
# The bundled terraform ruleset needs no download; add the AWS ruleset (plugin "aws") when its
# version is pinned here.
plugin "terraform" {
  enabled = true
  preset  = "recommended"
}
