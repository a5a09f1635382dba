-- Hostile rule: loops forever at load time, before returning its table.
while true do end
