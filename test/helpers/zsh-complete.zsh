# Prints the matches zsh's completion system offers for command lines typed up to the cursor, with a
# completion script loaded: one interactive zsh runs in a pseudo-terminal (zsh/zpty); for each line, the
# line and a Tab are typed, a wrapper around compadd appends each match completion adds to a file, and
# Ctrl-U clears the line for the next. Output: a line "== <n>" (counting from 1), then that line's matches.
# usage: zsh -f zsh-complete.zsh <completion script> <command line>...
zmodload zsh/zpty zsh/zselect || { print -u2 'zsh-complete: zsh lacks the zpty or zselect module'; exit 3 }
script=$1; shift
dir=$(mktemp -d) || exit 3
trap 'zpty -d z 2>/dev/null; rm -rf $dir' EXIT
out=$dir/matches
cat > $dir/.zshrc <<ZSHRC
PS1='> '
autoload -Uz compinit && compinit -u -D
source ${(q)script}
# Calls that only ask what would match (-O, -A, -D) are completion's own bookkeeping: passed through.
compadd() {
  if (( \${@[(I)-[OAD]]} )); then builtin compadd "\$@"; return; fi
  local -a found
  builtin compadd -O found "\$@"
  (( \$#found )) && print -rl -- \$found >> ${(q)out}
  builtin compadd "\$@"
}
_complete_and_mark() { zle complete-word; print -r -- '--done--' >> ${(q)out}; }
zle -N _complete_and_mark
zstyle ':completion:*' insert-tab false
bindkey -e
bindkey '^I' _complete_and_mark
print -r -- '--ready--' >> ${(q)out}
ZSHRC

# Waits (at most 15 s) for a marker line in the file, reading the terminal meanwhile so it never fills.
await() {
  local i junk
  for i in {1..300}; do
    [[ -f $out ]] && grep -qx -- $1 $out && return 0
    zpty -rt z junk 2>/dev/null
    zselect -t 5
  done
  print -u2 "zsh-complete: no $1 from the interactive zsh"
  exit 4
}

export ZDOTDIR=$dir
zpty z zsh -i
await --ready--
n=0
for line in "$@"; do
  print -r -- "== $((++n))"
  zpty -w -n z "$line"$'\t'
  await --done--
  grep -vx -e --ready-- -e --done-- $out | sort -u
  : > $out
  zpty -w -n z $'\C-u'
done
