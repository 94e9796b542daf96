# Shared by the bench scripts (sourced): the generated corpus of N reports in $dir, made once
# and reused, with any earlier output, bundle and index removed.
# fresh_corpus N GEN: prints the site folder.
fresh_corpus() {
  local site=$dir/own-$1
  [ -d "$site/content" ] || "$2" "$1" "$site" >/dev/null 2>&1
  rm -rf "$site/.fouweb" "$site/public" "$site/.public.fouweb-spare"
  echo "$site"
}
